import ErrorPanel from 'c/errorPanel';
import { mount, unmountAll } from '../../../../../test/componentDom';

describe('c-error-panel', () => {
  afterEach(() => {
    unmountAll();
  });

  it('shows the heading and every message as text, announced as an alert', () => {
    const element = mount('c-error-panel', ErrorPanel, {
      friendlyMessage: 'The change was not saved.',
      errors: [{ body: { message: 'Insufficient access' } }, new Error('Network down')],
    });
    const alert = element.shadowRoot.querySelector('[role="alert"]');
    expect(alert.querySelector('h2').textContent.trim()).toBe('The change was not saved.');
    expect([...alert.querySelectorAll('.error-message')].map((li) => li.textContent)).toEqual([
      'Insufficient access',
      'Network down',
    ]);
  });

  it('has a default heading', () => {
    const element = mount('c-error-panel', ErrorPanel);
    expect(element.shadowRoot.querySelector('h2').textContent.trim()).toBe('Something went wrong.');
    expect(element.shadowRoot.querySelectorAll('.error-message')).toHaveLength(0);
  });
});
