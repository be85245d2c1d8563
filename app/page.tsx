import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import Link from "next/link";
import { LatestMeetings } from "@/components/overview/latest-meetings";
import { LatestMoves } from "@/components/overview/latest-moves";
import { Stat } from "@/components/overview/stat";
import { StatusBars } from "@/components/overview/status-bars";
import { UnsettledByParty } from "@/components/overview/unsettled-by-party";
import { Card } from "@/components/ui/card";
import { formatDate, formatNumber, toIsoDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { UNSETTLED_GRIEVANCE_STATUSES } from "@/lib/schemas/enums";
import { getOverview } from "@/lib/server/overview";
import { grievanceListHref } from "./grievances/list-url";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Overview" };

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

export default async function OverviewPage() {
  const actor = await requirePageActor();
  const overview = await getOverview(actor);
  const unsettled = overview.byStatus
    .filter((s) => UNSETTLED_GRIEVANCE_STATUSES.includes(s.status))
    .reduce((sum, s) => sum + s.count, 0);
  const { lastRound, daysSinceLastRound } = overview;

  return (
    <>
      <PageHeader
        title="Overview"
        subtitle="What is still open between the parties, where it last moved, and when they last met."
      />

      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Stat
          label="Days since the last round"
          value={daysSinceLastRound === null ? "—" : formatNumber(daysSinceLastRound)}
          detail={
            lastRound ? (
              <>
                <Link href={`/meetings/${lastRound.id}`} className={LINK}>
                  {lastRound.title}
                </Link>
                {", "}
                <time dateTime={toIsoDate(lastRound.date)}>{formatDate(lastRound.date)}</time>
              </>
            ) : (
              "No held meeting with a date yet."
            )
          }
        />
        <Stat
          label="Open grievances"
          value={formatNumber(unsettled)}
          detail={
            <Link href={grievanceListHref({ status: UNSETTLED_GRIEVANCE_STATUSES })} className={LINK}>
              Open, in negotiation, partially resolved or stalled
            </Link>
          }
        />
        <Stat
          label="All grievances"
          value={formatNumber(overview.totalGrievances)}
          detail={
            <Link href={grievanceListHref()} className={LINK}>
              Browse and filter every grievance
            </Link>
          }
        />
      </div>

      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <Card title="Open grievances by party">
          <UnsettledByParty rows={overview.unsettledByParty} />
        </Card>
        <Card title="Grievances by status">
          <StatusBars rows={overview.byStatus} />
        </Card>
      </div>

      <section aria-labelledby="latest-moves" className="mb-4">
        <SectionHeading id="latest-moves" title="Latest moves" href={grievanceListHref()} linkText="All grievances" />
        <LatestMoves moves={overview.latestMoves} />
      </section>
      <section aria-labelledby="latest-meetings">
        <SectionHeading id="latest-meetings" title="Latest meetings" href="/meetings" linkText="All meetings" />
        <LatestMeetings meetings={overview.latestMeetings} />
      </section>
    </>
  );
}

function SectionHeading({ id, title, href, linkText }: { id: string; title: string; href: string; linkText: string }) {
  return (
    <div className="mb-2 flex items-baseline justify-between gap-3">
      <h2 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h2>
      <Link href={href} className={`text-xs ${LINK}`}>
        {linkText}
      </Link>
    </div>
  );
}
