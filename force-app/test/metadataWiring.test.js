// The pages, quick actions and flows reference components that exist, are exposed, and declare
// the target the reference needs (a record page needs lightning__RecordPage, a quick action
// lightning__RecordAction, a flow screen lightning__FlowScreen with the properties it sets).
const fs = require('fs');
const path = require('path');

const DEFAULT = path.resolve(__dirname, '../main/default');
const read = (file) => fs.readFileSync(file, 'utf8');
function filesIn(dir, suffix) {
  const folder = path.join(DEFAULT, dir);
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(folder, f));
}
const all = (text, tag) => [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

function bundle(name) {
  const meta = path.join(DEFAULT, 'lwc', name, `${name}.js-meta.xml`);
  if (!fs.existsSync(meta)) {
    return null;
  }
  const text = read(meta);
  return {
    exposed: /<isExposed>true<\/isExposed>/.test(text),
    targets: all(text, 'target'),
    properties: [...text.matchAll(/<property[^>]*name="([^"]+)"/g)].map((m) => m[1]),
  };
}

const PAGE_TARGET = {
  RecordPage: 'lightning__RecordPage',
  AppPage: 'lightning__AppPage',
  HomePage: 'lightning__HomePage',
  UtilityBar: 'lightning__UtilityBar',
};

describe('metadata wiring of the components', () => {
  const pages = filesIn('flexipages', '.flexipage-meta.xml');

  it.each(pages.map((p) => [path.basename(p), p]))(
    '%s places exposed components on their page type',
    (_name, file) => {
      const text = read(file);
      const type = all(text, 'type').find((t) => PAGE_TARGET[t]);
      const components = all(text, 'componentName').filter((c) => !c.includes(':'));
      expect(components.length).toBeGreaterThan(0);
      components.forEach((component) => {
        const found = bundle(component);
        expect({ component, exists: !!found }).toEqual({ component, exists: true });
        expect({ component, exposed: found.exposed }).toEqual({ component, exposed: true });
        expect(found.targets).toContain(PAGE_TARGET[type]);
      });
    },
  );

  it.each(filesIn('quickActions', '.quickAction-meta.xml').map((f) => [path.basename(f), f]))(
    '%s opens an exposed record-action component',
    (_name, file) => {
      const text = read(file);
      expect(all(text, 'type')).toEqual(['LightningWebComponent']);
      expect(all(text, 'actionSubtype')).toEqual(['ScreenAction']);
      const found = bundle(all(text, 'lightningWebComponent')[0]);
      expect(found.exposed).toBe(true);
      expect(found.targets).toContain('lightning__RecordAction');
    },
  );

  it.each(filesIn('flows', '.flow-meta.xml').map((f) => [path.basename(f), f]))(
    '%s hosts flow-screen components with the properties it sets',
    (_name, file) => {
      const text = read(file);
      const fields = [...text.matchAll(/<fields>([\s\S]*?)<\/fields>/g)].map((m) => m[1]);
      const components = fields.filter((f) => /<fieldType>ComponentInstance<\/fieldType>/.test(f));
      expect(components.length).toBeGreaterThan(0);
      components.forEach((field) => {
        const name = all(field, 'extensionName')[0].replace(/^c:/, '');
        const found = bundle(name);
        expect(found.targets).toContain('lightning__FlowScreen');
        const inputs = [...field.matchAll(/<inputParameters>\s*<name>([^<]+)<\/name>/g)].map((m) => m[1]);
        inputs.forEach((input) => expect(found.properties).toContain(input));
      });
    },
  );
});
