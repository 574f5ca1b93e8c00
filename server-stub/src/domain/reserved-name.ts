import { remove as removeConfusables } from 'confusables';

/**
 * The form under which names are compared for impersonation: look-alike characters replaced by
 * the letters they imitate (Cyrillic "А", fullwidth "ａ", "ᥒ"…), accents dropped, case folded,
 * and everything but letters and digits removed, so "Ánn  Lee", "АNN LEE" and "ann.lee" collide.
 */
export function nameKey(name: string): string {
  const plain = removeConfusables(name.normalize('NFKC')).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return plain.replace(/[^\p{L}\p{N}]/gu, '');
}
