import { describe, expect, it } from 'vitest';
import { createCharacterCollector } from '../../../shared/text/character-collector';

describe('createCharacterCollector', () => {
  it('gives each character once, in first-seen order, across texts', () => {
    const collector = createCharacterCollector();
    collector.add('地域福祉');
    collector.add('福祉計画');
    expect(collector.takeFresh()).toBe('地域福祉計画');
  });

  it('gives only characters new since the last take', () => {
    const collector = createCharacterCollector();
    collector.add('あいう');
    collector.takeFresh();
    collector.add('いうえお');
    expect(collector.takeFresh()).toBe('えお');
    expect(collector.takeFresh()).toBe('');
  });

  it('keeps characters outside the BMP whole (surrogate pairs), and a lone surrogate as it is', () => {
    const collector = createCharacterCollector();
    collector.add('𠮷野家𠮷😀');
    collector.add('\ud800x');
    expect(collector.takeFresh()).toBe('𠮷野家😀\ud800x');
  });

  it('takes more characters than one call can spread on the stack', () => {
    const collector = createCharacterCollector();
    const all = Array.from({ length: 20_000 }, (_, index) => String.fromCharCode(0x4e00 + index)).join('');
    collector.add(all);
    expect(collector.takeFresh()).toBe(all);
  });
});
