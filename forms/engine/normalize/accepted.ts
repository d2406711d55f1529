/**
 * What a column accepts, in words a registrar can act on: the allowed labels of a coded column,
 * the spellings of a date or a region, the shape of an ID number or a phone.
 */
import { resolveCodeTable } from '../codes';
import { PRESET_PATTERN_MESSAGES } from '../validators/phone';
import type { FieldDef, FormDefinition } from '../types';
import { acceptedLabels } from './code-labels';

export function acceptedText(field: FieldDef, def: FormDefinition | null): string {
  switch (field.type) {
    case 'select':
    case 'radio': {
      const table = field.codeTable ? resolveCodeTable(def, field.codeTable) : undefined;
      return table ? `${field.multiple ? '一个或多个：' : ''}${acceptedLabels(table)}（或其代码）` : '';
    }
    case 'region':
      return '省、市、区县名称（如 江苏省南京市玄武区、南京市玄武区、江苏 南京 玄武区）或 6 位行政区划代码';
    case 'date':
      return '日期，如 2005-03-14、2005/3/14、2005.03.14、20050314、2005年3月14日';
    case 'idNumber':
      return '18 位居民身份证号，末位可为 X，须与出生日期相符且校验位正确';
    case 'phone':
      return '11 位手机号码，可带空格、短横线或 +86';
    case 'email':
      return '电子邮箱，如 name@example.edu.cn';
    case 'number': {
      const range = typeof field.min === 'number' && typeof field.max === 'number' ? ` ${field.min}–${field.max}` : '';
      return `${typeof field.decimals === 'number' && field.decimals > 0 ? '数字' : '整数'}${range}`;
    }
    case 'creditCode':
      return '18 位统一社会信用代码';
    default:
      if (field.pattern && Object.hasOwn(PRESET_PATTERN_MESSAGES, field.pattern)) return PRESET_PATTERN_MESSAGES[field.pattern];
      return typeof field.maxLength === 'number' ? `不超过 ${field.maxLength} 个字的文字` : '文字';
  }
}
