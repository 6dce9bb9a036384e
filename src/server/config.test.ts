import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 and the ./data folder on PGlite', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.suppressionThreshold).toBe(5);
    expect(c.secureCookies).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('reads overrides and trusts the public origin', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', SOCLE_PUBLIC_URL: 'https://socle.example.org/' });
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('https://socle.example.org');
    expect(c.trustedOrigins).toContain('https://socle.example.org');
    expect(c.secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SOCLE_SUPPRESSION_THRESHOLD: '0' }, 'SOCLE_SUPPRESSION_THRESHOLD'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('trusted origins', () => {
  it('trusts local and development origins only outside production', () => {
    expect(loadConfig({ PORT: '3000' }).trustedOrigins).toContain('http://localhost:5173');
    const prod = loadConfig({ PORT: '3000', NODE_ENV: 'production', SOCLE_PUBLIC_URL: 'https://socle.example.org' });
    expect(prod.trustedOrigins).toEqual(['https://socle.example.org']);
  });
});
