// ふりがな (a resident's name in kana): what counts as one, and the one form it is stored and searched in. Pure.

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KATAKANA_TO_HIRAGANA = 0x60;

/** After normalising: hiragana (ぁ..ゖ, ゝゞ), the long vowel mark ー, and single spaces between words. */
const NORMALISED_KANA = /^[\u3041-\u3096\u309d\u309eー]+( [\u3041-\u3096\u309d\u309eー]+)*$/u;

/**
 * The one form of a ふりがな: NFKC (half-width ｶﾅ to full width, full-width spaces to spaces), katakana to hiragana
 * (ヤマダ → やまだ, so either script finds the other), runs of spaces to one, trimmed. Returns null when what is left is
 * not kana: hiragana, katakana, ー and spaces only (no kanji, latin letters, digits or other marks).
 */
export function normaliseKana(value: string): string | null {
  const folded = [...value.normalize('NFKC')]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : char;
    })
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
  return NORMALISED_KANA.test(folded) ? folded : null;
}

/**
 * What a name in kana is found by: the whole name without spaces, and each of its words when it has several
 * (やまだ たろう: やまだたろう, やまだ, たろう). Input is a normalised ふりがな.
 */
export function kanaSearchTerms(normalised: string): string[] {
  const words = normalised.split(' ');
  const terms = [words.join(''), ...(words.length > 1 ? words : [])];
  return [...new Set(terms)];
}
