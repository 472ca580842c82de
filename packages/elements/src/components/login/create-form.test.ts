import { OrgAuthApiError } from '@orgauth/core';
import { describe, expect, it } from 'vitest';
import { resolveMessages } from '../../i18n/messages.js';
import { emptyCreateForm, isFieldError, nameProblem, slugProblem, withName, withSlug } from './create-form.js';

const messages = resolveMessages();
const taken = new OrgAuthApiError('organization_slug_already_used', 409, 'r', 'slug used');

describe('create-organization form', () => {
  it('suggests the slug from the name until the slug is edited by hand', () => {
    let form = withName(emptyCreateForm(), 'Acme Inc.');
    expect(form.slug).toBe('acme-inc');
    form = withName(form, 'Acme Rockets');
    expect(form.slug).toBe('acme-rockets');
    form = withSlug(form, 'rockets');
    form = withName(form, 'Acme Rockets GmbH');
    expect(form.slug).toBe('rockets');
  });

  it('hands the slug back to the suggestion when the field is cleared', () => {
    const form = withSlug(withSlug(withName(emptyCreateForm(), 'Zebra Labs'), 'zz'), '');
    expect(form).toMatchObject({ slug: 'zebra-labs', slugEdited: false });
  });

  it('checks the slug format live, with a message per problem', () => {
    const form = (slug: string) => withSlug(emptyCreateForm(), slug);
    expect(slugProblem(form('acme'), null, messages)).toBeNull();
    expect(slugProblem(form('a'), null, messages)).toBe(messages['slug.too_short']);
    expect(slugProblem(form('Acme Inc'), null, messages)).toBe(messages['slug.invalid']);
    expect(slugProblem(form('x'.repeat(129)), null, messages)).toBe(messages['slug.too_long']);
  });

  it('does not complain about an empty slug before the first submit attempt', () => {
    expect(slugProblem(emptyCreateForm(), null, messages)).toBeNull();
    expect(slugProblem({ ...emptyCreateForm(), attempted: true }, null, messages)).toBe(messages['slug.required']);
    expect(nameProblem({ ...emptyCreateForm(), attempted: true }, null, messages)).toBe(messages['name.required']);
  });

  it('reports a taken slug on the slug that was submitted only', () => {
    const submitted = { ...withName(emptyCreateForm(), 'Acme'), submittedSlug: 'acme' };
    expect(slugProblem(submitted, taken, messages)).toBe('That URL is taken. Try another.');
    expect(slugProblem(withSlug(submitted, 'acme-2'), taken, messages)).toBeNull();
  });

  it('knows which server errors belong to a field', () => {
    expect(isFieldError(taken)).toBe(true);
    expect(isFieldError(new OrgAuthApiError('invalid_organization_name', 400, 'r', 'x'))).toBe(true);
    expect(isFieldError(new OrgAuthApiError('too_many_requests', 429, 'r', 'x'))).toBe(false);
  });
});
