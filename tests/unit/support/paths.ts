import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const seedPath = fileURLToPath(new URL('../../../../shared/seed/000_9d9ee138d349424f.txt', import.meta.url));
