import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the heading and every message as text, announced as an alert', () => {
        const element = createElement('c-error-panel', { is: ErrorPanel });
        element.friendlyMessage = 'The change was not saved.';
        element.errors = [{ body: { message: 'Insufficient access' } }, new Error('Network down')];
        document.body.appendChild(element);
        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.querySelector('h2').textContent.trim()).toBe('The change was not saved.');
        expect([...alert.querySelectorAll('.error-message')].map((li) => li.textContent)).toEqual([
            'Insufficient access',
            'Network down'
        ]);
    });

    it('has a default heading', () => {
        const element = createElement('c-error-panel', { is: ErrorPanel });
        document.body.appendChild(element);
        expect(element.shadowRoot.querySelector('h2').textContent.trim()).toBe('Something went wrong.');
        expect(element.shadowRoot.querySelectorAll('.error-message')).toHaveLength(0);
    });
});
