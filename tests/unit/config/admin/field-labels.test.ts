import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTypeFieldLabels,
  enumerationValueLabels,
  fieldLabelsOf,
  strapiFieldLabels,
} from '../../../../config/src/admin/field-labels.ts';
import { systemFieldLabels } from '../../../../config/src/submissions.ts';

interface Schema {
  info: { singularName: string };
  attributes: Record<string, { type: string; enum?: string[] }>;
}

const api = join(import.meta.dirname, '../../../../cms/src/api');
// Not among the package's exports: required by its path, as Strapi's loader does.
const requireFromCms = createRequire(join(api, '../../package.json'));
const usersPermissions = join(requireFromCms.resolve('@strapi/plugin-users-permissions/package.json'), '..');

/** Every content type staff can open in the Content Manager: ours, and the site users of users-permissions. */
const contentTypes: Array<[string, Schema]> = [
  ...readdirSync(api).flatMap((dir) => {
    let types: string[];
    try {
      types = readdirSync(join(api, dir, 'content-types'));
    } catch {
      return [];
    }
    return types.map((name): [string, Schema] => [
      `api::${dir}.${name}`,
      JSON.parse(readFileSync(join(api, dir, 'content-types', name, 'schema.json'), 'utf8')),
    ]);
  }),
  ['plugin::users-permissions.user', requireFromCms(join(usersPermissions, 'server/src/content-types/user/index.js'))],
];

describe('the admin’s names of fields and stored values', () => {
  it('finds the content types', () => {
    expect(contentTypes.map(([uid]) => uid)).toEqual(
      expect.arrayContaining(['api::institution.institution', 'api::review-event.review-event', 'plugin::users-permissions.user']),
    );
  });

  it('names every field of every content type in zh-CN, Strapi’s own fields too', () => {
    const unnamed = contentTypes.flatMap(([uid, schema]) =>
      [...Object.keys(schema.attributes), 'id', 'documentId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']
        .filter((field) => !fieldLabelsOf(uid)[field])
        .map((field) => `${uid}.${field}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('names only fields that exist, besides Strapi’s own and those shared by every submission', () => {
    const shared = new Set([...Object.keys(strapiFieldLabels), ...Object.keys(systemFieldLabels), 'passwordHash']);
    const stale = Object.entries(contentTypeFieldLabels).flatMap(([uid, labels]) => {
      const schema = contentTypes.find(([known]) => known === uid)?.[1];
      if (!schema) return [uid];
      return Object.keys(labels)
        .filter((field) => !(field in schema.attributes) && !shared.has(field))
        .map((field) => `${uid}.${field}`);
    });
    expect(stale).toEqual([]);
  });

  it('has a word for every stored enumeration value but `submit`, which Strapi’s 提交 covers', () => {
    const values = contentTypes.flatMap(([, schema]) => Object.values(schema.attributes).flatMap((a) => a.enum ?? []));
    expect(values.filter((value) => value !== 'submit' && !enumerationValueLabels[value])).toEqual([]);
    expect(enumerationValueLabels).not.toHaveProperty('submit');
  });

  it('reads the labels a reviewer and a bureau officer see', () => {
    expect(fieldLabelsOf('api::stamped-form.stamped-form')).toMatchObject({ storageKey: '存储位置', uploadedAt: '上传时间' });
    expect(fieldLabelsOf('api::delegation.delegation')).toMatchObject({ effectiveFrom: '生效时间', effectiveTo: '失效时间' });
    expect(fieldLabelsOf('api::institution.institution')).toMatchObject({ recordNo: '编号', createdAt: '创建时间' });
    expect(enumerationValueLabels).toMatchObject({ county_approve: '县区审核通过', monthly: '月报', 'application/pdf': 'PDF' });
  });
});
