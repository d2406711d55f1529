/** The employer's terms of the bench's one real invitation (`npm run bench`, `npm run bench:notifications`): valid for the shipped agreement form, deadline five days ahead in Beijing. */
export function jobTerms() {
  const deadline = new Date(Date.now() + 5 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  return {
    employerAddress: '江苏省南京市鼓楼区汉中路 1 号',
    contactName: '赵经理',
    contactPhone: '13600001111',
    jobCategory: '13',
    jobTitle: '后端开发工程师',
    workRegion: '320106',
    monthlySalary: 12000,
    socialInsurance: '1',
    contractYears: 3,
    probationMonths: 3,
    penalty: 5000,
    deadline,
    archiveMode: 'unit',
    archiveUnitName: '南京云帆信息科技有限公司人事部',
    archiveAddress: '江苏省南京市鼓楼区汉中路 1 号',
    archivePostcode: '210005',
    householdMode: 'stay',
  };
}
