import { LocateTextFaults, textLocatorsOf } from './text-locators';

describe('textLocatorsOf', () => {
  const byLine = (text: string, index: number) => `line ${text.slice(0, index).split('\n').length}`;
  const byChar = (_text: string, index: number) => `character ${index + 1}`;

  class Base {
    @LocateTextFaults(byLine)
    csv!: string;
  }
  class Child extends Base {
    @LocateTextFaults(byChar)
    log!: string;
  }

  it('finds the locators of an argument class and of its parents, by field', () => {
    expect([...textLocatorsOf(Child).keys()].sort()).toEqual(['csv', 'log']);
    expect(textLocatorsOf(Child).get('csv')?.('a\nb', 2)).toBe('line 2');
    expect([...textLocatorsOf(Base).keys()]).toEqual(['csv']);
  });

  it('is empty for classes without any and for what is no class (String, undefined)', () => {
    expect(textLocatorsOf(class Plain {}).size).toBe(0);
    expect(textLocatorsOf(String).size).toBe(0);
    expect(textLocatorsOf(undefined).size).toBe(0);
  });
});
