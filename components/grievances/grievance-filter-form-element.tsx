"use client";

import { useRouter } from "next/navigation";
import type { ComponentPropsWithoutRef, FormEvent } from "react";
import { filterFormHref, GRIEVANCES_PATH } from "@/lib/grievance-list-url";

/**
 * The <form> of the grievance filters, the one part of them that needs the browser: a plain GET
 * form to the list (so it works without JavaScript) that, with JavaScript, navigates to the same
 * URL minus the empty fields, which is nicer to paste to a colleague. Its controls are rendered on
 * the server and passed in as children, so the page's payload carries no copy of the options as
 * props, and no schema or vocabulary reaches the browser through this module.
 */
export function GrievanceFilterFormElement(
  props: Omit<ComponentPropsWithoutRef<"form">, "action" | "method" | "onSubmit">,
) {
  const router = useRouter();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    router.push(filterFormHref(new FormData(event.currentTarget).entries()));
  }

  return <form {...props} action={GRIEVANCES_PATH} method="get" onSubmit={onSubmit} />;
}
