import { isOrgAuthApiError, suggestSlug, validateSlug } from '@orgauth/core';
import type { OrgAuthMessageKey, OrgAuthMessages } from '../../i18n/messages.js';

/** Field values of the create-organization form, kept by the element between renders. */
export interface CreateFormState {
  name: string;
  slug: string;
  /** True once the person typed in the slug field: from then on the name no longer drives it. */
  slugEdited: boolean;
  /** True after a submit attempt, so empty required fields start showing their message. */
  attempted: boolean;
  /** The slug last sent to the server, so a "taken" answer sticks to that value only. */
  submittedSlug: string | null;
}

/** A blank form. */
export function emptyCreateForm(): CreateFormState {
  return { name: '', slug: '', slugEdited: false, attempted: false, submittedSlug: null };
}

/** The form after the name changed: the slug follows the name until it was edited by hand. */
export function withName(form: CreateFormState, name: string): CreateFormState {
  return { ...form, name, slug: form.slugEdited ? form.slug : suggestSlug(name) };
}

/** The form after a hand edit of the slug. Clearing the field hands it back to the suggestion. */
export function withSlug(form: CreateFormState, slug: string): CreateFormState {
  const edited = slug !== '';
  return { ...form, slug: edited ? slug : suggestSlug(form.name), slugEdited: edited };
}

/** What to say under the slug field, or `null` when it looks fine. */
export function slugProblem(form: CreateFormState, serverError: unknown, messages: OrgAuthMessages): string | null {
  if (form.slug === form.submittedSlug) {
    if (isOrgAuthApiError(serverError, 'organization_slug_already_used')) return messages['slug.taken'];
    if (isOrgAuthApiError(serverError, 'invalid_organization_slug')) return messages.errors.invalid_organization_slug;
  }
  // Live format check, but an untouched empty field is not an error until the person submits.
  if (form.slug === '' && !form.attempted) return null;
  const key = validateSlug(form.slug);
  return key === null ? null : slugMessage(key, messages);
}

/** What to say under the name field, or `null`. */
export function nameProblem(form: CreateFormState, serverError: unknown, messages: OrgAuthMessages): string | null {
  if (isOrgAuthApiError(serverError, 'invalid_organization_name')) return messages.errors.invalid_organization_name;
  return form.attempted && form.name.trim() === '' ? messages['name.required'] : null;
}

/** True when the server error belongs to one of the two fields rather than to the whole form. */
export function isFieldError(error: unknown): boolean {
  return (
    isOrgAuthApiError(error, 'organization_slug_already_used') ||
    isOrgAuthApiError(error, 'invalid_organization_slug') ||
    isOrgAuthApiError(error, 'invalid_organization_name')
  );
}

/** Maps a `validateSlug` key to words; unknown keys get the general format rule. */
function slugMessage(key: string, messages: OrgAuthMessages): string {
  const direct = `slug.${key.replace(/^slug[._]/, '')}`;
  return direct in messages ? messages[direct as OrgAuthMessageKey] : messages['slug.invalid'];
}
