import { defineProject } from '../../vitest.shared.ts';

export default defineProject(import.meta.dirname);
