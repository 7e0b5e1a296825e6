// The Porter stemmer of the `stemmer` package (words/stemmer, MIT), for Node. The site build serves
// the package's own file under this name (site/pipeline/static-files.ts), so the browser stems
// queries with exactly the code that stemmed the index.
export { stemmer } from 'stemmer';
