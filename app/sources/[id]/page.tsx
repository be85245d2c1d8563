import { recordPage, type RecordPageProps } from "@/app/page-data";
import { RevisionHistory } from "@/components/records/revision-history";
import { SourceEditForm } from "@/components/sources/source-edit-form";
import { SourceQuotes } from "@/components/sources/source-quotes";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDate, formatDateTime, formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { LINK_CLASS } from "@/components/ui/text-link";
import { can } from "@/lib/server/authz";
import { getSource, listSourceRevisions } from "@/lib/server/citations";

export const dynamic = "force-dynamic";

// A source's page, reached from the quotes taken from it: what it is, every quote from it and the
// record each backs, its corrections (analysts) and its revisions.

const sourcePage = recordPage("id", getSource);
export const generateMetadata = sourcePage.titled((source) => source.title);

export default async function SourcePage(props: RecordPageProps<"id">) {
  const { actor, record: source } = await sourcePage.load(props);
  const live = source.citations.filter((quote) => !quote.deletedAt && !quote.record?.deletedAt);
  const quotes = `${formatNumber(live.length)} ${live.length === 1 ? "quote" : "quotes"}`;
  return (
    <>
      <PageHeader
        title={source.title}
        subtitle={[source.publisher, source.publishedAt ? formatDate(source.publishedAt) : null, quotes]
          .filter(Boolean)
          .join(" · ")}
      />
      <div className="space-y-6">
        <Card title="Facts">
          <DefinitionList
            items={[
              { term: "Publisher", value: source.publisher },
              { term: "Published", value: source.publishedAt ? formatDate(source.publishedAt) : null },
              {
                term: "URL",
                value: source.url ? (
                  <a href={source.url} className={`${LINK_CLASS} break-all`} rel="noreferrer noopener" target="_blank">
                    {source.url}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                ) : null,
              },
              { term: "Note", value: source.note },
              { term: "Updated", value: formatDateTime(source.updatedAt) },
              { term: "Version", value: <span className="tabular-nums">{source.version}</span> },
            ]}
          />
        </Card>
        <Section id="quotes" title="Quotes from it" detail={formatNumber(live.length)}>
          <SourceQuotes quotes={source.citations} canRestore={can(actor, "admin")} />
        </Section>
        {can(actor, "write") && !source.deletedAt ? (
          <Section id="edit" title="Edit source">
            <SourceEditForm source={source} />
          </Section>
        ) : null}
        <RevisionHistory entity="source" revisions={await listSourceRevisions(actor, source.id)} />
      </div>
    </>
  );
}
