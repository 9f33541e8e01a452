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
