import { describe, expect, it } from 'vitest';
import { addAt, move, short } from './ranking';

describe('ballot list edits', () => {
  it('inserts at a position and clamps beyond the end', () => {
    expect(addAt(['a', 'b'], 'x', 1)).toEqual(['a', 'x', 'b']);
    expect(addAt(['a'], 'x', 9)).toEqual(['a', 'x']);
  });

  it('moves up and down, and leaves the list alone at the ends', () => {
    const list = ['a', 'b', 'c'];
    expect(move(list, 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(move(list, 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(move(list, 'a', -1)).toBe(list);
    expect(move(list, 'z', 1)).toBe(list);
  });

  it('shortens long labels for button names', () => {
    expect(short('x'.repeat(100))).toHaveLength(58);
    expect(short('short')).toBe('short');
  });
});
