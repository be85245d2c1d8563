"use client";

import { useActionState } from "react";
import { echoed, fieldErrorsOf, valuesOf, type ActionState, type FormAction } from "@/lib/forms/action-state";
import { fieldError } from "./summary";
import { useSubmitWithoutReset } from "./use-submit-without-reset";

const IDLE = { status: "idle" } as const;

/**
 * The state of a form bound to one server action (lib/actions): what useActionState gives, plus
 * the refusal's field errors and the values it carried back. Pass `action` to <form action> so it
 * posts without JavaScript, and `onSubmit` where React must not reset the form's controls.
 */
export function useFormAction<T>(action: FormAction<T>, initial: ActionState<T> = IDLE) {
  const [state, formAction, pending] = useActionState(action, initial);
  const onSubmit = useSubmitWithoutReset(formAction);
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);
  return {
    state,
    action: formAction,
    onSubmit,
    pending,
    errors,
    /** The error of a field or of any part of it. */
    errorOf: (name: string) => fieldError(errors, name),
    /** What was typed in a field before a refusal (undefined otherwise). */
    echo: (name: string) => echoed(values, name),
    values,
  };
}
