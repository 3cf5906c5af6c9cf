/**
 * Masks for display: enough to recognise one's own number, too little to reuse it.
 * They count characters, not bytes, and mask everything when a value is too short to keep both ends.
 */

/** 220***********1234: province and city prefix, and the last four. */
export function maskResidentId(id: string): string {
  return maskMiddle(id, 3, 4);
}

/** 9144**********136T */
export function maskUscc(code: string): string {
  return maskMiddle(code, 4, 4);
}

/** 13812341234 -> 138****1234 */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** 张三 -> 张*, 张小三 -> 张*三, 欧阳小明 -> 欧**明. */
export function maskName(name: string): string {
  return Array.from(name).length === 2 ? maskMiddle(name, 1, 0) : maskMiddle(name, 1, 1);
}

/** 1942-09-08 -> 1942-**-**: the year says enough about an age; with the day, it is half an ID number. */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(date) ? `${date.slice(0, 4)}-**-**` : '*'.repeat(Array.from(date).length);
}

/**
 * The administrative divisions at the start of an address — 省/自治区, then 市/州/盟, then 区/县/旗/市 —
 * each optional, each a few characters ending in its suffix.
 */
const DIVISIONS = /^(?:[^省]{2,7}省|[^区]{2,10}自治区)?(?:[^市州盟]{1,8}(?:市|自治州|州|盟))?(?:[^区县旗市]{1,8}(?:区|县|旗|市))?/u;

/**
 * 吉林省长春市南关区自由大路1号 -> 吉林省长春市南关区******: the divisions down to the district stay (a
 * district is shared by hundreds of thousands of people); the street, number and building go. An
 * address that does not start with a division is masked whole.
 */
export function maskAddress(address: string): string {
  const kept = Array.from(DIVISIONS.exec(address)?.[0] ?? '');
  return [...kept, '*'.repeat(Array.from(address).length - kept.length)].join('');
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  // Array.from keeps a rare character outside the BMP (𠮷) as one character.
  const characters = Array.from(value);
  if (characters.length <= keepStart + keepEnd) return '*'.repeat(characters.length);
  return [
    ...characters.slice(0, keepStart),
    '*'.repeat(characters.length - keepStart - keepEnd),
    ...characters.slice(characters.length - keepEnd),
  ].join('');
}
