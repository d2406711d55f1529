/** The school's home: 学校信息, the school's part of every agreement, kept once (see SchoolProfilePage). */
import { Link } from '../../router';

export function SchoolProfileCard() {
  return (
    <section className="card home-card" aria-labelledby="h-school-profile">
      <h2 id="h-school-profile">学校信息</h2>
      <p className="muted">就业主管部门、联系人、电话、地址、邮编只需填写一次，审核协议书时自动带入「学校意见」。</p>
      <Link href="/school/profile" className="btn">
        维护学校信息
      </Link>
    </section>
  );
}
