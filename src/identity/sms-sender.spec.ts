import { describe, expect, it } from 'vitest';
import { loggedInstead } from './sms-sender.js';

describe('the log line of a code when no SMS gateway is configured', () => {
  const message = { phone: '13912345678', template: 'auth.registration_code', params: { code: '482913' }, text: '【一网通办】您的注册验证码是482913，5分钟内有效。' };

  it('never carries the number in clear, nor the code in production', () => {
    const line = loggedInstead(message, true);
    expect(line).toContain('139****5678');
    expect(line).not.toContain('13912345678');
    expect(line).not.toContain('482913');
  });

  it('carries the text outside production, so a developer can register without a gateway', () => {
    const line = loggedInstead(message, false);
    expect(line).toContain('482913');
    expect(line).not.toContain('13912345678');
  });
});
