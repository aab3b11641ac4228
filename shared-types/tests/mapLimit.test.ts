import { describe, expect, it } from 'vitest';
import { mapLimit } from '../src/mapLimit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapLimit', () => {
  it('keeps the order of results and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3], 2, async (n, index) => {
      running += 1;
      most = Math.max(most, running);
      for (let i = 0; i < n; i += 1) await tick();
      running -= 1;
      return `${index}:${n * 10}`;
    });
    expect(results).toEqual(['0:50', '1:10', '2:40', '3:20', '4:30']);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, and throws only once the running tasks have ended', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const outcome = mapLimit([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      for (let i = 0; i < (n === 0 ? 5 : 1); i += 1) await tick();
      if (n === 1) throw new Error('task 1 failed');
      ended.push(n);
    });
    await expect(outcome).rejects.toThrow('task 1 failed');
    // Task 0 was running when 1 failed: it ended before the failure was thrown. No task started after.
    expect(ended).toContain(0);
    expect(started).toEqual([0, 1]);
  });

  it('handles no items and a limit below one', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
    expect(await mapLimit([1, 2], 0, async (n) => n * 2)).toEqual([2, 4]);
  });
});
