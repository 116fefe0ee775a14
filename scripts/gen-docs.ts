// Writes docs/rules.md from the rule catalogue.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogue } from '../src/core/rules/catalogue';
import { renderRulesMarkdown } from '../src/core/rules/render-catalogue';

const target = join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRulesMarkdown(ruleCatalogue()));
console.log(`wrote ${target} (${ruleCatalogue().length} rules)`);
