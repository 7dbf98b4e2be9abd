import { describe, expect, it } from 'vitest';
import { readFormBody } from '../../../../site/src/lib/form-body.ts';
import { RequestRefused } from '../../../../site/src/lib/refused.ts';

const post = (body: string, contentType?: string) =>
  new Request('http://site.test/query', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

const refusal = async (request: Request) => {
  const error = await readFormBody(request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RequestRefused);
  return { status: (error as RequestRefused).status, message: (error as RequestRefused).message };
};

describe('readFormBody', () => {
  it('reads a urlencoded or multipart form as a browser posts it', async () => {
    expect((await readFormBody(post('phone=13800138000', 'application/x-www-form-urlencoded'))).get('phone')).toBe('13800138000');
    const multipart = new FormData();
    multipart.append('phone', '13800138000');
    const request = new Request('http://site.test/query', { method: 'POST', body: multipart });
    expect((await readFormBody(request)).get('phone')).toBe('13800138000');
  });

  it('refuses a JSON body, a text body or one without a content type with 415 and a zh-CN message', async () => {
    for (const request of [post('{"phone":"1"}', 'application/json'), post('phone=1', 'text/plain'), post('phone=1')]) {
      expect(await refusal(request)).toEqual({
        status: 415,
        message: '提交的内容不是网页表单，无法读取。请在本站的页面上填写并提交表单。',
      });
    }
  });

  it('refuses a multipart body cut short or without its boundary with 400 and a zh-CN message', async () => {
    for (const request of [
      post('------b\r\nContent-Disposition: form-da', 'multipart/form-data; boundary=----b'),
      post('anything', 'multipart/form-data'),
    ]) {
      expect(await refusal(request)).toEqual({
        status: 400,
        message: '提交的表单内容不完整或格式不正确，无法读取。请返回上一页重新提交。',
      });
    }
  });
});
