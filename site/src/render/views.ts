// The page views by name, so that page jobs can cross a worker boundary as plain data.
import AccuracyView from '../views/AccuracyView.astro';
import HomeView from '../views/HomeView.astro';
import HubView from '../views/HubView.astro';
import ListView from '../views/ListView.astro';
import NotFoundView from '../views/NotFoundView.astro';
import SearchView from '../views/SearchView.astro';
import ServerView from '../views/ServerView.astro';
import ToolView from '../views/ToolView.astro';
import type { AccuracyModel, HomeModel, HubModel, ListModel } from '../lib/model-types.ts';

export const VIEWS = {
  accuracy: AccuracyView, home: HomeView, hub: HubView, list: ListView, notFound: NotFoundView, search: SearchView, server: ServerView, tool: ToolView,
} as const;

/** A page to render: the view, its model, and the file it goes to (relative to outDir). */
export type PageJob = { file: string } & (
  | { view: 'accuracy'; model: AccuracyModel }
  | { view: 'home'; model: HomeModel }
  | { view: 'hub'; model: HubModel }
  | { view: 'list'; model: ListModel }
  | { view: 'notFound' | 'search'; model?: undefined }
);
