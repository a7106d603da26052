import { describe, expect, it } from 'vitest';
import { checkWellFormedXml } from '../src/checks/wellFormedXml.ts';
import { fixture, forceAppDir } from './paths.ts';

describe('every XML file under force-app is well-formed', () => {
  it('passes for the package', () => {
    const { problems, filesChecked } = checkWellFormedXml(forceAppDir);
    expect(problems).toEqual([]);
    expect(filesChecked).toBeGreaterThan(80);
  });

  it('names the file, line and problem in a broken fixture', () => {
    const { problems } = checkWellFormedXml(fixture('broken-xml'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toMatch(
      /broken-xml\/main\/default\/objects\/Broken__c\/Broken__c\.object-meta\.xml$/,
    );
    expect(problems[0]?.message).toMatch(/not well-formed XML at line 5.*CustomObjct/);
  });
});
