import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DATA_DIR = join(ROOT, '.data');
export const CMS_DIR = join(ROOT, 'cms');
export const SITE_DIR = join(ROOT, 'site');
export const CONFIG_DIR = join(ROOT, 'config');
