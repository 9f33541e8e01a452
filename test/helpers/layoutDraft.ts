// A .docx whose title is recognised only thanks to its layout (docx/layout.ts):
// red 发文机关标志, 文号, then a centred 二号 title that does not end with a
// 文种 (so the content alone does not take it for the title), a recipient,
// body, signature and date. With the title recognised, structure/title
// reports the missing 文种; without, nothing is said of the title.
import { buildDocx, p, r } from './docx';

const CENTER = '<w:jc w:val="center"/>';
const RIGHT = '<w:jc w:val="right"/>';
const body = (text: string) => p(r(text, '<w:sz w:val="32"/>'), '<w:ind w:firstLineChars="200"/>');

export const LAYOUT_TITLE = 'XX市人民政府关于做好春季安全生产工作';

export function layoutTitleDocx(): Promise<Uint8Array> {
  return buildDocx({
    body:
      p(r('XX市人民政府文件', '<w:color w:val="FF0000"/><w:sz w:val="72"/>'), CENTER) +
      p(r('X政发〔2024〕12号', '<w:sz w:val="32"/>'), CENTER) +
      p(r(LAYOUT_TITLE, '<w:sz w:val="44"/>'), CENTER) +
      p(r('各区县人民政府，市政府各部门：', '<w:sz w:val="32"/>')) +
      body('为切实做好春季安全生产工作，现将有关事项通知如下。') +
      body('一、压实安全生产责任') +
      body('各单位要严格落实安全生产责任制，切实做好隐患排查治理工作。') +
      p(r('XX市人民政府', '<w:sz w:val="32"/>'), RIGHT) +
      p(r('2024年3月1日', '<w:sz w:val="32"/>'), RIGHT),
  });
}

// A .docx whose 发文机关标志 and 成文日期 are recognised only thanks to their
// layout (docx/layout.ts → CheckOptions.lineRoles): a red centred organisation
// name without 文件 (the content alone joins it to the title below), a plain
// title, and a right-aligned date in Chinese numerals under a last paragraph
// that does not end the text (the content alone finds no 成文日期, so
// structure/date-format says nothing).
export const ROLES_TITLE = '关于做好春季安全生产工作的通知';
export const ROLES_DATE = '二〇二四年三月一日';

export function layoutRolesDocx(): Promise<Uint8Array> {
  return buildDocx({
    body:
      p(r('XX市人民政府', '<w:color w:val="FF0000"/><w:sz w:val="32"/>'), CENTER) +
      p(r(ROLES_TITLE, '<w:sz w:val="32"/>')) +
      p(r('各区县人民政府：', '<w:sz w:val="32"/>')) +
      body('现将春季安全生产工作有关事项通知如下，请认真贯彻执行') +
      p(r(ROLES_DATE, '<w:sz w:val="32"/>'), RIGHT),
  });
}
