// Structured data (schema.org JSON-LD) for search engines: a tool page's FAQ and breadcrumbs, a
// server page's application and breadcrumbs. Every string in it can come from a crawled server, so
// Base.astro writes it with safeJson: <, > and & as \u escapes, so no text can close the script.
// Without a site URL, the URLs in it are site paths (relative references).
import type { ServerModel, ToolModel } from './model-types.ts';
import { pageUrl } from './urls.ts';

const crumbs = (origin: string | null, items: [string, string][]) => ({
  '@type': 'BreadcrumbList',
  itemListElement: items.map(([name, path], i) => ({ '@type': 'ListItem', position: i + 1, name, item: pageUrl(origin, path) })),
});

export function toolJsonLd(m: ToolModel, origin: string | null): unknown {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'FAQPage',
        url: pageUrl(origin, m.path),
        mainEntity: m.faq.map((item) => ({ '@type': 'Question', name: item.question, acceptedAnswer: { '@type': 'Answer', text: item.answer } })),
      },
      crumbs(origin, [['Servers', '/servers/'], [m.server.displayName, m.server.path], [m.name, m.path]]),
    ],
  };
}

export function serverJsonLd(m: ServerModel, origin: string | null): unknown {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'SoftwareApplication',
        name: m.displayName,
        description: m.metaDescription,
        url: pageUrl(origin, m.path),
        applicationCategory: 'DeveloperApplication',
        ...(m.version ? { softwareVersion: m.version } : {}),
        ...(m.repository?.href ? { sameAs: m.repository.href } : {}),
      },
      crumbs(origin, [['Servers', '/servers/'], [m.displayName, m.path]]),
    ],
  };
}
