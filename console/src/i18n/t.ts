import { en, type MessageKey } from './messages.en';

/**
 * Every text the console shows comes from one catalogue (messages.en.ts); a translation is a
 * file with the same keys, chosen here. `{name}` placeholders are filled from `params`.
 */
const catalogue: Record<MessageKey, string> = en;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The label of an enumerated value (outcome, level, category…), or the value itself if unknown. */
export function label(group: string, value: string): string {
  const key = `${group}.${value}`;
  return key in catalogue ? catalogue[key as MessageKey] : value;
}

export type { MessageKey };
