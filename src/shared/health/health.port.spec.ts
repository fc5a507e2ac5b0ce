import { overallStatus } from './health.port';

describe('overall health', () => {
  it('is ok with no checks or only ok ones', () => {
    expect(overallStatus([])).toBe('ok');
    expect(overallStatus([{ name: 'a', status: 'ok' }])).toBe('ok');
  });

  it('is the worst of its checks', () => {
    expect(overallStatus([{ name: 'a', status: 'ok' }, { name: 'b', status: 'degraded' }])).toBe('degraded');
    expect(overallStatus([{ name: 'a', status: 'failing' }, { name: 'b', status: 'degraded' }])).toBe('failing');
  });
});
