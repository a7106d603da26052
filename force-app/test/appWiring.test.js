// The Sales Campaigns app is wired the way the screens expect: its navigation, the record pages it
// assigns, the utility bar, the permission sets that open the tabs and the flow, and the list-view
// button and quick actions that add people. Read from the source files, as deployed.
const fs = require('fs');
const path = require('path');

const DEFAULT = path.resolve(__dirname, '../main/default');
const read = (relative) => fs.readFileSync(path.join(DEFAULT, relative), 'utf8');
const exists = (relative) => fs.existsSync(path.join(DEFAULT, relative));
const all = (text, tag) => [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
const blocks = (text, tag) =>
  [...text.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
const one = (text, tag) => all(text, tag)[0];

describe('Sales Campaigns app', () => {
  const app = read('applications/Sales_Campaigns.app-meta.xml');

  it('navigates to campaigns, enrollments, Command Center, Live Feed and the admin console', () => {
    const tabs = all(app, 'tabs');
    expect(tabs).toEqual(
      expect.arrayContaining([
        'Sales_Campaign__c',
        'Campaign_Enrollment__c',
        'Command_Center',
        'Live_Feed',
        'Sales_Campaigns_Admin',
      ]),
    );
    tabs
      .filter((tab) => !tab.startsWith('standard-'))
      .forEach((tab) => {
        expect({ tab, file: exists(`tabs/${tab}.tab-meta.xml`) }).toEqual({ tab, file: true });
      });
  });

  it.each([
    ['Command_Center', 'Command_Center'],
    ['Live_Feed', 'Live_Feed'],
    ['Sales_Campaigns_Admin', 'Sales_Campaigns_Admin'],
  ])('tab %s opens the %s app page', (tab, page) => {
    const text = read(`tabs/${tab}.tab-meta.xml`);
    expect(one(text, 'flexiPage')).toBe(page);
    expect(one(read(`flexipages/${page}.flexipage-meta.xml`), 'type')).not.toBe('RecordPage');
    expect(one(text, 'label')).toBeTruthy();
  });

  it('assigns the record pages as the app default (View, Flexipage)', () => {
    const overrides = blocks(app, 'actionOverrides').map((block) => ({
      object: one(block, 'pageOrSobjectType'),
      action: one(block, 'actionName'),
      type: one(block, 'type'),
      page: one(block, 'content'),
    }));
    expect(overrides).toEqual(
      expect.arrayContaining([
        {
          object: 'Sales_Campaign__c',
          action: 'View',
          type: 'Flexipage',
          page: 'Sales_Campaign_Record_Page',
        },
        {
          object: 'Campaign_Enrollment__c',
          action: 'View',
          type: 'Flexipage',
          page: 'Campaign_Enrollment_Record_Page',
        },
        { object: 'Contact', action: 'View', type: 'Flexipage', page: 'Contact_Sales_Campaigns_Record_Page' },
        { object: 'Lead', action: 'View', type: 'Flexipage', page: 'Lead_Sales_Campaigns_Record_Page' },
      ]),
    );
    overrides.forEach(({ object, page }) => {
      const flexipage = read(`flexipages/${page}.flexipage-meta.xml`);
      expect({ page, object: one(flexipage, 'sobjectType') }).toEqual({ page, object });
    });
  });

  it('has the utility bar, with Live Feed loaded eagerly and every utility property a decorator', () => {
    expect(one(app, 'utilityBar')).toBe('Sales_Campaigns_UtilityBar');
    const bar = read('flexipages/Sales_Campaigns_UtilityBar.flexipage-meta.xml');
    expect(one(bar, 'type')).toBeDefined();
    const liveFeed = blocks(bar, 'componentInstance').find(
      (block) => one(block, 'componentName') === 'liveFeed',
    );
    const properties = blocks(liveFeed, 'componentInstanceProperties').map((block) => ({
      name: one(block, 'name'),
      type: one(block, 'type'),
      value: one(block, 'value'),
    }));
    expect(properties.map((p) => p.name).sort()).toEqual([
      'eager',
      'height',
      'icon',
      'label',
      'scrollable',
      'width',
    ]);
    properties.forEach((property) => expect(property).toMatchObject({ type: 'decorator' }));
    expect(properties.find((p) => p.name === 'eager').value).toBe('true');
  });
});

describe('permission sets', () => {
  const tabsOf = (text) =>
    Object.fromEntries(
      blocks(text, 'tabSettings').map((block) => [one(block, 'tab'), one(block, 'visibility')]),
    );
  const flowsOf = (text) =>
    blocks(text, 'flowAccesses')
      .filter((block) => one(block, 'enabled') === 'true')
      .map((block) => one(block, 'flowName'));

  it('let reps run the Add to Sales Campaign flow and see Command Center and Live Feed, not the admin console', () => {
    const user = read('permissionsets/Sales_Campaigns_User.permissionset-meta.xml');
    expect(flowsOf(user)).toEqual(['Add_To_Sales_Campaign']);
    expect(tabsOf(user)).toMatchObject({ Command_Center: 'Visible', Live_Feed: 'Visible' });
    expect(tabsOf(user).Sales_Campaigns_Admin).toBeUndefined();
  });

  it('let admins do the same and see the admin console', () => {
    const admin = read('permissionsets/Sales_Campaigns_Admin.permissionset-meta.xml');
    expect(flowsOf(admin)).toEqual(['Add_To_Sales_Campaign']);
    expect(tabsOf(admin)).toMatchObject({
      Command_Center: 'Visible',
      Live_Feed: 'Visible',
      Sales_Campaigns_Admin: 'Visible',
    });
  });

  it('name flows and tabs that exist', () => {
    ['Sales_Campaigns_User', 'Sales_Campaigns_Admin', 'Sales_Campaigns_Integration'].forEach((set) => {
      const text = read(`permissionsets/${set}.permissionset-meta.xml`);
      flowsOf(text).forEach((flow) => expect(exists(`flows/${flow}.flow-meta.xml`)).toBe(true));
      Object.keys(tabsOf(text))
        .filter((tab) => !tab.endsWith('__c'))
        .forEach((tab) =>
          expect({ tab, exists: exists(`tabs/${tab}.tab-meta.xml`) }).toEqual({ tab, exists: true }),
        );
    });
  });
});

describe.each(['Contact', 'Lead'])('adding %s records to a campaign', (object) => {
  it('offers a list-view button for the selected records that opens the flow', () => {
    const link = read(`objects/${object}/webLinks/Add_To_Sales_Campaign.webLink-meta.xml`);
    expect(one(link, 'displayType')).toBe('massActionButton');
    expect(one(link, 'requireRowSelection')).toBe('true');
    expect(one(link, 'linkType')).toBe('url');
    expect(one(link, 'url')).toMatch(/^\/flow\/Add_To_Sales_Campaign\?/);
    // Salesforce hands the selected ids to the flow's `ids` input collection.
    const flow = read('flows/Add_To_Sales_Campaign.flow-meta.xml');
    const ids = blocks(flow, 'variables').find((block) => one(block, 'name') === 'ids');
    expect(ids).toMatch(/<isCollection>true<\/isCollection>/);
    expect(ids).toMatch(/<isInput>true<\/isInput>/);
    const searchLayouts = read(`objects/${object}/${object}.object-meta.xml`);
    expect(all(searchLayouts, 'listViewButtons')).toContain('Add_To_Sales_Campaign');
  });

  it('puts the quick action on the record page', () => {
    const page = read(`flexipages/${object}_Sales_Campaigns_Record_Page.flexipage-meta.xml`);
    const highlights = blocks(page, 'componentInstance').find(
      (block) => one(block, 'componentName') === 'force:highlightsPanel',
    );
    expect(all(highlights, 'value')).toContain(`${object}.Add_To_Sales_Campaign`);
    expect(exists(`quickActions/${object}.Add_To_Sales_Campaign.quickAction-meta.xml`)).toBe(true);
  });
});
