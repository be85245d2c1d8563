import type { Metadata } from "next";
import { pageAsOf, type ListPageProps } from "@/app/page-data";
import { requirePageActor } from "@/lib/server/session";
import { LatestMeetings } from "@/components/overview/latest-meetings";
import { LatestMoves } from "@/components/overview/latest-moves";
import { Stat } from "@/components/overview/stat";
import { StatusBars } from "@/components/overview/status-bars";
import { UnsettledByParty } from "@/components/overview/unsettled-by-party";
import { AsOfBanner, nothingRaisedState } from "@/components/records/as-of-banner";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { DateText } from "@/components/ui/values";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { MEETINGS_PATH } from "@/lib/meeting-list-url";
import { UNSETTLED_GRIEVANCE_STATUSES } from "@/lib/schemas/enums";
import { getOverview } from "@/lib/server/overview";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: ListPageProps) {
  const actor = await requirePageActor();
  const asOf = await pageAsOf(searchParams);
  const overview = await getOverview(actor, new Date(), { asOf });
  const unsettled = overview.byStatus
    .filter((s) => UNSETTLED_GRIEVANCE_STATUSES.includes(s.status))
    .reduce((sum, s) => sum + s.count, 0);
  const { lastRound, daysSinceLastRound } = overview;
  const header = (
    <PageHeader
      title="Overview"
      subtitle="What is still open between the parties, where it last moved, and when they last met."
      banner={asOf ? <AsOfBanner asOf={asOf} todayHref="/" /> : null}
    />
  );
  if (asOf && overview.totalGrievances === 0) {
    return (
      <>
        {header}
        <EmptyState {...nothingRaisedState(asOf, "/")} />
      </>
    );
  }

  return (
    <>
      {header}

      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Stat
          label="Days since the last round"
          value={daysSinceLastRound === null ? "—" : formatNumber(daysSinceLastRound)}
          detail={
            lastRound ? (
              <>
                <TextLink href={`/meetings/${lastRound.id}`}>{lastRound.title}</TextLink>
                {", "}
                <DateText value={lastRound.date} />
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
            <TextLink href={grievanceListHref({ status: UNSETTLED_GRIEVANCE_STATUSES, asOf })}>
              Open, in negotiation, partially resolved or stalled
            </TextLink>
          }
        />
        <Stat
          label="All grievances"
          value={formatNumber(overview.totalGrievances)}
          detail={<TextLink href={grievanceListHref({ asOf })}>Browse and filter every grievance</TextLink>}
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

      <Section
        id="latest-moves"
        title="Latest moves"
        link={{ href: grievanceListHref({ asOf }), label: "All grievances" }}
        className="mb-4"
      >
        <LatestMoves moves={overview.latestMoves} />
      </Section>
      <Section id="latest-meetings" title="Latest meetings" link={{ href: MEETINGS_PATH, label: "All meetings" }}>
        <LatestMeetings meetings={overview.latestMeetings} />
      </Section>
    </>
  );
}
