"use client";

import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit for a form whose rows are controlled by React state. React resets a form after its
 * `action` runs, which puts controlled selects back to their first option on screen while the
 * state still holds the analyst's choice; dispatching the action ourselves skips that reset. The
 * form keeps `action={dispatch}` too, so it still posts without JavaScript.
 */
export function useSubmitWithoutReset(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
}
