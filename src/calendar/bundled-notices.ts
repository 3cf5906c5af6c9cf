/**
 * The State Council notices the application loads by itself at start-up, from the chinese-days
 * package (which carries their dates). When chinese-days gains a year, add it here: every database
 * then loads it at its next start, and the cases it affects are recomputed as for an admin's load.
 */
export const BUNDLED_NOTICES: readonly { year: number; source: string }[] = [
  { year: 2025, source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）' },
  { year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）' },
];
