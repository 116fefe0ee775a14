// Writes docs/rules.md from the rule catalogue.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleCatalogue } from '../src/core/rules/catalogue';
import { renderRulesMarkdown } from '../src/core/rules/render-catalogue';
import { CATALOGUE, renderCatalogue } from '../test/bad-input/catalogue';

const target = join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRulesMarkdown(ruleCatalogue()));
console.log(`wrote ${target} (${ruleCatalogue().length} rules)`);

const badInput = join(__dirname, '..', 'docs', 'bad-input.md');
writeFileSync(badInput, renderCatalogue());
console.log(`wrote ${badInput} (${CATALOGUE.length} bad inputs)`);
