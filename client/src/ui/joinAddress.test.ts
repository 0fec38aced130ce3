import { describe, expect, it } from 'vitest';
import { isLoopback, joinLink, joinTarget } from './joinAddress';

const localhost = { origin: 'http://localhost:5080', host: 'localhost:5080', hostname: 'localhost' };
const lan = { origin: 'http://192.168.1.20:5080', host: '192.168.1.20:5080', hostname: '192.168.1.20' };

describe('the join address', () => {
  it('is PublicUrl wherever the page was opened', () => {
    const target = joinTarget({ url: 'https://debate.school.edu', source: 'publicUrl', networkUrls: [], problem: null }, localhost);
    expect(target).toEqual({ origin: 'https://debate.school.edu', host: 'debate.school.edu', warning: null, others: [] });
    expect(joinLink(target, 'ABC123')).toBe('https://debate.school.edu/j/ABC123');
  });

  it('is the page itself when it was opened at an address phones can use', () => {
    expect(joinTarget({ url: null, source: 'page', networkUrls: [], problem: null }, lan)).toEqual({ origin: lan.origin, host: lan.host, warning: null, others: [] });
  });

  it('is the network address, with a warning about localhost, when the page was opened on localhost', () => {
    const view = { url: 'http://192.168.1.20:5080', source: 'network' as const, networkUrls: ['http://192.168.1.20:5080', 'http://10.0.0.7:5080'], problem: null };
    expect(joinTarget(view, localhost)).toEqual({ origin: 'http://192.168.1.20:5080', host: '192.168.1.20:5080', warning: 'localhost', others: ['http://10.0.0.7:5080'] });
  });

  it('is none, with the reason, when the server knows no address phones can use', () => {
    const target = joinTarget({ url: null, source: 'none', networkUrls: [], problem: 'localOnly' }, localhost);
    expect(target).toEqual({ origin: null, host: 'localhost:5080', warning: 'localOnly', others: [] });
    expect(joinLink(target, 'ABC123')).toBeNull();
  });

  it('is never localhost without a warning, even when the server could not be asked', () => {
    expect(joinTarget(null, localhost).warning).toBe('unknown');
    expect(joinTarget(null, localhost).origin).toBeNull();
    expect(joinTarget(null, lan).origin).toBe(lan.origin);
  });

  it('knows the loopback names', () => {
    expect(['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopback)).toBe(true);
    expect(['192.168.1.20', 'debate.school.edu', 'localhost.school.edu', '[fe80::1]'].some(isLoopback)).toBe(false);
  });
});
