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
