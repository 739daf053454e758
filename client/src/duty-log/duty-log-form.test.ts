import { describe, expect, it } from 'vitest';
import { checkPayload, draftToPayload, emptyDraft, fieldOf } from './duty-log-form';

describe('draftToPayload', () => {
  it('trims text and leaves out empty optional fields', () => {
    expect(draftToPayload({ content: '  村民报告山体开裂  ', source: 'phone', caller: ' ', handling: '' })).toEqual({
      content: '村民报告山体开裂',
      source: 'phone',
    });
    expect(draftToPayload({ content: 'x', source: 'township', caller: ' 张三 ', handling: ' 已通知乡镇 ' })).toEqual({
      content: 'x',
      source: 'township',
      caller: '张三',
      handling: '已通知乡镇',
    });
  });
});

describe('checkPayload', () => {
  it('accepts a valid entry', () => {
    expect(checkPayload(draftToPayload({ ...emptyDraft(), content: '山体开裂' }))).toBeNull();
  });
  it('names the field at fault in the schema’s words', () => {
    const error = checkPayload(draftToPayload(emptyDraft()));
    expect(error).toEqual({ code: 'invalid', message: 'content is empty', field: 'content' });
  });
  it('refuses content over the limit', () => {
    expect(checkPayload({ content: 'x'.repeat(4001), source: 'phone' })?.field).toBe('content');
  });
});

describe('fieldOf', () => {
  it('maps a server field path to a form input', () => {
    expect(fieldOf({ code: 'invalid', message: 'm', field: 'content' })).toBe('content');
    expect(fieldOf({ code: 'invalid', message: 'm', field: 'payload.caller' })).toBe('caller');
    expect(fieldOf({ code: 'invalid', message: 'm', field: 'receivedAt' })).toBeNull();
    expect(fieldOf({ code: 'forbidden', message: 'm' })).toBeNull();
  });
});
