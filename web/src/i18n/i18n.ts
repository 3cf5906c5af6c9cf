import { useSyncExternalStore } from 'react';
import { en } from './en';
import { zh, type Dict } from './zh';

export type Language = 'zh' | 'en';

const KEY = 'ywtb.language';
const dictionaries: Record<Language, Dict> = { zh, en };
const listeners = new Set<() => void>();

// Chinese first; the choice lasts for the tab's session like everything else the pages keep.
let language: Language = sessionStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export function setLanguage(next: Language): void {
  language = next;
  sessionStorage.setItem(KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((listener) => listener());
}

export function useLanguage(): Language {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => language,
  );
}

/** The dictionary of the language in use, for code outside components (the API client's messages). */
export function currentDictionary(): Dict {
  return dictionaries[language];
}

/** Whether a text has Chinese in it: a Chinese page shows a catalogue message instead of a server sentence that has none. */
export const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

export function useT(): Dict {
  return dictionaries[useLanguage()];
}

/** A label from one of the dictionary's lookup tables, or the code itself when it has none. */
export const label = (table: Record<string, string>, code: string | null | undefined): string => (code ? (table[code] ?? code) : '—');
