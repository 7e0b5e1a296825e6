// A TypeScript transform that lets a module compiled into another folder behave as if it still stood at
// its source path: `import.meta.url` becomes the source file's URL (so `new URL('./migrations',
// import.meta.url)` and every other resource path resolve in the source tree), `.ts` imports become the
// compiled `.js` siblings, and relative imports of anything not compiled (.js, .json, .astro) point back
// at the source tree.
import { dirname, relative, sep } from 'node:path';
import ts from 'typescript';

/** A construct the transform cannot relocate. */
export class RelocateError extends Error {
  readonly code = 'E_RELOCATE';
  override name = 'RelocateError';
}

export interface RelocateOptions {
  /** Absolute path of the source file. */
  source: string;
  /** Absolute path its compiled output is written to. */
  out: string;
  /** Whether an absolute source path is compiled too (then its import is rewritten to the .js output). */
  isCompiled(path: string): boolean;
  /** Resolves a relative specifier of `source` to an absolute path. */
  resolve(specifier: string): string;
}

const TS_EXTENSION = /\.(m?)ts$/;

function relativeSpecifier(fromDir: string, to: string): string {
  const path = relative(fromDir, to).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export function relocateImports(options: RelocateOptions): ts.TransformerFactory<ts.SourceFile> {
  const outDir = dirname(options.out);
  const respecify = (specifier: string): string => {
    if (!specifier.startsWith('.')) return specifier; // packages, node: builtins
    const target = options.resolve(specifier);
    if (TS_EXTENSION.test(target)) {
      if (!options.isCompiled(target)) throw new RelocateError(`${options.source} imports ${specifier}, a TypeScript file outside the compiled folders`);
      return specifier.replace(TS_EXTENSION, '.$1js');
    }
    return relativeSpecifier(outDir, target);
  };
  const sourceUrl = relativeSpecifier(outDir, options.source);

  return (context) => {
    const f = context.factory;
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword) {
        if (node.name.text !== 'url') {
          throw new RelocateError(`${options.source} uses import.meta.${node.name.text}; use new URL(..., import.meta.url), which the compiled CLI relocates`);
        }
        return f.createPropertyAccessExpression(f.createNewExpression(f.createIdentifier('URL'), undefined, [f.createStringLiteral(sourceUrl), node]), 'href');
      }
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateImportDeclaration(node, node.modifiers, node.importClause, f.createStringLiteral(respecify(node.moduleSpecifier.text)), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, f.createStringLiteral(respecify(node.moduleSpecifier.text)), node.attributes);
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [specifier, ...rest] = node.arguments;
        if (specifier && ts.isStringLiteralLike(specifier)) {
          return f.updateCallExpression(node, node.expression, node.typeArguments, [f.createStringLiteral(respecify(specifier.text)), ...rest.map((a) => ts.visitNode(a, visit) as ts.Expression)]);
        }
        if (specifier && ts.isTemplateExpression(specifier) && specifier.head.text.startsWith('.')) {
          throw new RelocateError(`${options.source} imports a computed relative path; import each module by its literal path`);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => ts.visitNode(file, visit) as ts.SourceFile;
  };
}
