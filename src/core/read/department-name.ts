/**
 * Department names as text: what counts as a name, a template placeholder, the administrative-division prefix
 * (省/市/区/县…) and the comparison key. Pure string functions, shared by the witness reader and the rules.
 */

/** “（盖章）” after a name on a cover or a 编制单位 line is a stamp box, not part of the name. */
const STAMP = /[（(](?:盖章|公章|签章|印章|章|签字|签名)[)）]/g;

/** Names compared as printed, without whitespace, stamp boxes, with full/half-width forms folded. */
export function departmentKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(STAMP, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/**
 * A template's stand-in for the name: XX局 / ××局 / ＸＸ局 / xx局 / 某某局 / ***局 / （单位名称） / XXX部门 /
 * ○○局. Real names never hold a Latin X standing alone, 某, or the words 单位名称/部门名称.
 */
export function isPlaceholderName(name: string): boolean {
  const key = departmentKey(name);
  return (
    /(?<![A-Za-z])[Xx×*]+(?![A-Za-z])/.test(key) ||
    /某/.test(key) ||
    /[○〇□△]{2,}|(?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])/.test(key) ||
    /(?:单位|部门|机构)(?:全称|名称)/.test(key) ||
    /^(?:部门|单位)$/.test(key)
  );
}

/** How an organisation's name ends (局, 委员会, 中心, 学校, 人民政府…). */
const ORG_SUFFIX =
  /(?:局|委|会|办|办公室|厅|部|院|所|站|队|中心|社|馆|校|学院|大学|医院|政府|处|署|团|室|场|园|公司|集团|台|宫|科|庭|监狱|机关|街道|镇|乡|村|组|店|厂|库|海关|行|学)$/;

/** Words that are not a department: “本部门”, “我单位”, “部门决算”… */
const NOT_A_NAME = /^(?:本|我|该|贵|各|上级|下属|所属|主管|其他|根据|按照|依据|关于|对于|经过)|^(?:部门|单位|部门决算|单位决算|决算|公开|报表)$|决算|收支|支出|收入|经费|[,，。；;、:!?！？“”"]/;

/**
 * Text that can stand for a department's name when nothing says it is one (a title's prefix, a note's
 * subject, a cover line, the file name): a placeholder, or a plausible organisation's name.
 */
export function looksLikeDepartment(text: string): boolean {
  const key = departmentKey(text);
  if (key.length < 2 || key.length > 40) return false;
  if (isPlaceholderName(key)) return !/[,，。；;、:]/.test(key) && !/决算|收支/.test(key);
  if (key.length < 4 || NOT_A_NAME.test(key)) return false;
  if (/^\d/.test(key) || /\d{4}/.test(key)) return false;
  return /^[\u4e00-\u9fff]/.test(key) && ORG_SUFFIX.test(key);
}

/**
 * The value of a 部门/单位 line as a name, or undefined when it is not one: a money unit (“单位：万元”),
 * a stamp box or a date alone, “本部门”/“我单位”.
 */
export function labelValueName(value: string): string | undefined {
  const key = departmentKey(value);
  if (!key) return undefined;
  if (/^(?:万元|元|千元|亿元|人|个|辆|台|平方米)$/.test(key)) return undefined;
  if (/^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?$|^年月日$|^\d{4}[-/.]\d{1,2}/.test(key)) return undefined;
  if (/^(?:本|我|该)(?:部门|单位|局|委|中心|院|机关)$/.test(key)) return undefined;
  if (key.length > 40 || /[,，。；;]/.test(key)) return undefined;
  return value.trim().replace(STAMP, '').trim() || undefined;
}

const DIVISION_SUFFIX = '特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|区|县|旗';
const DIVISION = new RegExp(`^([\\u4e00-\\u9fff]{1,8}?(?:${DIVISION_SUFFIX}))`);
/** Words that end in 市/区 but are not a division (城市管理局, 社区中心, 园区管委会…). */
const NOT_DIVISION = /^(?:城市|都市|超市|门市|城区|社区|园区|小区|校区|景区|街区|市区|郊区|山区|辖区|片区|牧区|林区|矿区|营区|新区|老区|分区|新市|全市|全区|全县|本市|本区|本县)$/;
/** What follows a real division name is never the rest of a word (市场, 市容, 区域, 县级…). */
const WORD_AFTER = /^(?:[场容政民值级属辖域划间别委]|直)/;

/**
 * “上海市普陀区规划和自然资源局” → divisions [上海市, 普陀区], body “规划和自然资源局”. Divisions are read from
 * the left, each a few characters ending in 省/市/区/县/州/盟/旗 (or 自治区…), never holding a conjunction or
 * an organisation's word; the body is what is left and must itself be a name.
 */
export function splitDivisions(name: string): { divisions: string[]; body: string } {
  let rest = departmentKey(name);
  const divisions: string[] = [];
  while (divisions.length < 4) {
    const m = DIVISION.exec(rest);
    if (!m) break;
    let segment = m[1];
    // “柳州|市”: a name ending in 州 (杭州, 柳州) is the city's name, the division word follows.
    if (segment.endsWith('州') && /^[市区县]/.test(rest.slice(segment.length))) segment = rest.slice(0, segment.length + 1);
    const after = rest.slice(segment.length);
    if (segment.length < 2 || NOT_DIVISION.test(segment) || /[和与及的局委厅部院所办会司处校站队]/.test(segment)) break;
    if (after.length < 2 || WORD_AFTER.test(after)) break;
    divisions.push(segment);
    rest = after;
  }
  return { divisions, body: rest };
}

/**
 * When `short` is `full` with some of its division prefixes left out (上海市规划和自然资源局 from
 * 上海市普陀区规划和自然资源局): which were dropped, and whether the innermost one (the division the body
 * belongs to) is among them — then the shorter name is another, higher-level body's (or nobody's).
 */
export function droppedDivisions(short: string, full: string): { dropped: string[]; innermost: boolean } | undefined {
  const s = departmentKey(short);
  const { divisions, body } = splitDivisions(full);
  if (divisions.length === 0 || !s.endsWith(body)) return undefined;
  let prefix = s.slice(0, s.length - body.length);
  const dropped: string[] = [];
  for (const d of divisions) {
    if (prefix.startsWith(d)) prefix = prefix.slice(d.length);
    else dropped.push(d);
  }
  if (prefix !== '' || dropped.length === 0) return undefined;
  return { dropped, innermost: dropped.includes(divisions[divisions.length - 1]) };
}
