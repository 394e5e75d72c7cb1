/**
 * Finds every Office.js API member the add-in's code touches, with the requirement set its
 * @types/office-js JSDoc names, and whether each use is guarded (the rule is in
 * addinRequirementSets.test.ts). Works on the TypeScript program, not on text, so `ws.visibility`
 * is known to be Excel.Worksheet.visibility (ExcelApi 1.7) whatever the variable is called.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

export interface RequirementSet {
  name: string;
  version: string;
}

export interface ApiUse {
  /** "Excel.Worksheet.visibility", or with the argument: "Excel.Worksheet.getUsedRange(valuesOnly)". */
  member: string;
  set: RequirementSet | undefined;
  file: string;
  line: number;
  /** What guards it, or undefined. */
  guard: string | undefined;
  /** The named function the use sits in (the outermost one when nested), or "". */
  inFunction: string;
}

export interface UsageReport {
  uses: ApiUse[];
  /** Functions tagged `@requires Set x.y` and the set they claim. */
  tagged: Map<string, RequirementSet>;
}

const API_SET = /\[Api set: ([A-Za-z]+) (\d+(?:\.\d+)*)([^\]]*)\]/;
const REQUIREMENT_SET = /Requirement set\*\*: \{@link [^|]*\|\s*([A-Za-z]+) (\d+(?:\.\d+)*)\s*\}/;

export function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * The set a JSDoc names. A few tags give two versions, "1.1 for reading visibility; 1.2 for setting
 * it" or "1.1 for get, 1.8 for set": an assignment takes the setting one.
 */
function setIn(text: string, write = false): RequirementSet | undefined {
  const api = API_SET.exec(text);
  if (api) {
    const setting = write ? /(\d+(?:\.\d+)+) for set/.exec(api[3]) : null;
    return { name: api[1], version: setting ? setting[1] : api[2] };
  }
  const m = REQUIREMENT_SET.exec(text);
  return m ? { name: m[1], version: m[2] } : undefined;
}

function isAssignmentTarget(n: ts.Node): boolean {
  const p = n.parent;
  return (
    ts.isBinaryExpression(p) &&
    p.left === n &&
    p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    p.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listSources(p));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
      out.push(p);
  }
  return out;
}

/** The namespace path of a declaration inside office-js ("Excel.Worksheet"), or undefined. */
function officeOwner(decl: ts.Node): string | undefined {
  const names: string[] = [];
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (
      (ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isModuleDeclaration(n)) &&
      n.name &&
      ts.isIdentifier(n.name)
    )
      names.unshift(n.name.text);
  }
  return names[0] === "Excel" || names[0] === "Office" ? names.join(".") : undefined;
}

function jsDocText(decl: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(decl)
    .map((d) => d.getFullText())
    .join("\n");
}

export interface GuardRule {
  /** The capabilities interface (its properties are guards) and the set each one grants. */
  capabilityInterface: { file: string; name: string };
  capabilitySets: Record<string, RequirementSet | undefined>;
}

export function scanOfficeApiUsage(root: string, sourceDirs: string[], rule: GuardRule): UsageReport {
  const files = sourceDirs.flatMap((d) => listSources(d)).map((f) => path.resolve(f));
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  // TypeScript names files by their real path (node_modules may be a symlink).
  const real = (f: string) => (fs.existsSync(f) ? fs.realpathSync(f) : path.resolve(f));
  const officeDts = real(path.join(root, "node_modules", "@types", "office-js", "index.d.ts"));
  const capFile = path.resolve(rule.capabilityInterface.file);

  const isOffice = (d: ts.Declaration) => real(d.getSourceFile().fileName) === officeDts;

  /** The set a guard expression grants, if it is one. */
  const guardOf = (e: ts.Expression): RequirementSet | undefined => {
    if (ts.isParenthesizedExpression(e)) return guardOf(e.expression);
    if (ts.isPropertyAccessExpression(e)) {
      const sym = checker.getSymbolAtLocation(e.name);
      const d = sym?.declarations?.[0];
      if (
        d &&
        path.resolve(d.getSourceFile().fileName) === capFile &&
        ts.isInterfaceDeclaration(d.parent) &&
        d.parent.name.text === rule.capabilityInterface.name
      )
        return rule.capabilitySets[e.name.text];
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : "";
      const [a, b] = e.arguments;
      if (name === "isSetSupported" && a && ts.isStringLiteral(a))
        return { name: a.text, version: b && ts.isStringLiteral(b) ? b.text : "1.1" };
    }
    return undefined;
  };

  /** Every guard set a condition asserts when true (a && b asserts both). */
  const assertedBy = (e: ts.Expression): RequirementSet[] => {
    if (ts.isParenthesizedExpression(e)) return assertedBy(e.expression);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      return [...assertedBy(e.left), ...assertedBy(e.right)];
    const g = guardOf(e);
    return g ? [g] : [];
  };
  /** Every guard set a condition asserts when false (!a || !b asserts both when false). */
  const assertedWhenFalse = (e: ts.Expression): RequirementSet[] => {
    if (ts.isParenthesizedExpression(e)) return assertedWhenFalse(e.expression);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken)
      return assertedBy(e.operand);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
      return [...assertedWhenFalse(e.left), ...assertedWhenFalse(e.right)];
    return [];
  };
  const exits = (s: ts.Statement): boolean =>
    ts.isReturnStatement(s) ||
    ts.isThrowStatement(s) ||
    ts.isContinueStatement(s) ||
    (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

  const tagged = new Map<string, RequirementSet>();
  const taggedDecls = new Map<ts.Node, RequirementSet>();
  const fnName = (f: ts.Node): string =>
    (ts.isFunctionDeclaration(f) || ts.isMethodDeclaration(f)) && f.name
      ? f.name.getText()
      : ts.isVariableDeclaration(f.parent) || ts.isPropertyAssignment(f.parent)
        ? f.parent.name.getText()
        : "(anonymous)";
  const requiresTag = (f: ts.Node): RequirementSet | undefined => {
    for (const tag of ts.getJSDocTags(f)) {
      if (tag.tagName.text !== "requires") continue;
      const text =
        typeof tag.comment === "string" ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? "");
      const m = /^([A-Za-z]+) (\d+(?:\.\d+)*)/.exec(text.trim());
      if (m) return { name: m[1], version: m[2] };
    }
    return undefined;
  };

  /** The guards in force at `node`: conditions of enclosing branches, early exits, @requires tags. */
  const guardsAt = (node: ts.Node): { set: RequirementSet; how: string }[] => {
    const out: { set: RequirementSet; how: string }[] = [];
    for (let child: ts.Node = node, n = node.parent; n; child = n, n = n.parent) {
      if (ts.isIfStatement(n)) {
        if (child === n.thenStatement)
          out.push(...assertedBy(n.expression).map((set) => ({ set, how: "if" })));
        if (child === n.elseStatement)
          out.push(...assertedWhenFalse(n.expression).map((set) => ({ set, how: "else" })));
      } else if (ts.isConditionalExpression(n)) {
        if (child === n.whenTrue) out.push(...assertedBy(n.condition).map((set) => ({ set, how: "?:" })));
        if (child === n.whenFalse)
          out.push(...assertedWhenFalse(n.condition).map((set) => ({ set, how: "?:" })));
      } else if (ts.isBinaryExpression(n) && child === n.right) {
        if (n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
          out.push(...assertedBy(n.left).map((set) => ({ set, how: "&&" })));
        if (n.operatorToken.kind === ts.SyntaxKind.BarBarToken)
          out.push(...assertedWhenFalse(n.left).map((set) => ({ set, how: "||" })));
      } else if (ts.isBlock(n) || ts.isSourceFile(n)) {
        // `if (!caps.x) return;` before the use guards the rest of the block.
        for (const s of n.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement))
            out.push(...assertedWhenFalse(s.expression).map((set) => ({ set, how: "early exit" })));
        }
      }
      if (ts.isFunctionLike(n)) {
        const t = taggedDecls.get(n);
        if (t) out.push({ set: t, how: `@requires on ${fnName(n)}` });
      }
    }
    return out;
  };

  const sources = program.getSourceFiles().filter((sf) => files.includes(path.resolve(sf.fileName)));
  // First pass: functions that declare what they need.
  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) {
        const t =
          requiresTag(n) ??
          (ts.isVariableDeclaration(n.parent) ? requiresTag(n.parent.parent.parent) : undefined);
        if (t) {
          taggedDecls.set(n, t);
          tagged.set(`${path.relative(root, sf.fileName)}:${fnName(n)}`, t);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  const uses: ApiUse[] = [];
  const record = (sf: ts.SourceFile, at: ts.Node, member: string, set: RequirementSet | undefined) => {
    const covering = set
      ? guardsAt(at).find((g) => g.set.name === set.name && compareVersions(g.set.version, set.version) >= 0)
      : undefined;
    let inFunction = "";
    for (let n: ts.Node | undefined = at; n; n = n.parent)
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) inFunction = n.name.getText();
    uses.push({
      inFunction,
      member,
      set,
      file: path.relative(root, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(at.getStart()).line + 1,
      guard: covering ? `${covering.how} (${covering.set.name} ${covering.set.version})` : undefined,
    });
  };

  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const sym = checker.getSymbolAtLocation(n.name);
        const decls = (sym?.declarations ?? []).filter(isOffice);
        const owner = decls.length ? officeOwner(decls[0]) : undefined;
        if (owner) {
          const call = ts.isCallExpression(n.parent) && n.parent.expression === n ? n.parent : undefined;
          const sig = call ? checker.getResolvedSignature(call)?.declaration : undefined;
          const decl = sig && isOffice(sig as ts.Declaration) ? sig : decls[0];
          const member = `${owner}.${n.name.text}`;
          record(sf, n, member, setIn(jsDocText(decl), isAssignmentTarget(n)));
          // An argument can need more than its method: getUsedRange(valuesOnly) is ExcelApi 1.2.
          if (call && decl && ts.isFunctionLike(decl)) {
            decl.parameters.forEach((p, i) => {
              if (i >= call.arguments.length) return;
              const pName = p.name.getText();
              const doc = ts
                .getJSDocParameterTags(p)
                .map((t) =>
                  typeof t.comment === "string" ? t.comment : (ts.getTextOfJSDocComment(t.comment) ?? ""),
                )
                .join(" ");
              const set = setIn(doc);
              if (set) record(sf, call.arguments[i], `${member}(${pName})`, set);
            });
          }
        }
      } else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression)) {
        // wb["comments"] is wb.comments.
        const prop = checker.getTypeAtLocation(n.expression).getProperty(n.argumentExpression.text);
        const d = prop?.declarations?.find(isOffice);
        const owner = d && officeOwner(d);
        if (d && owner)
          record(sf, n, `${owner}.${n.argumentExpression.text}`, setIn(jsDocText(d), isAssignmentTarget(n)));
      } else if (ts.isBindingElement(n) && ts.isObjectBindingPattern(n.parent)) {
        // const { comments } = context.workbook reads context.workbook.comments.
        const name = (n.propertyName ?? n.name).getText();
        const prop = checker.getTypeAtLocation(n.parent).getProperty(name);
        const d = prop?.declarations?.find(isOffice);
        const owner = d && officeOwner(d);
        if (d && owner) record(sf, n, `${owner}.${name}`, setIn(jsDocText(d)));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  // Calls of a @requires function need the same guard as its body would.
  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const sym = checker.getSymbolAtLocation(
          ts.isPropertyAccessExpression(n.expression) ? n.expression.name : n.expression,
        );
        const target = sym && (sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym);
        for (const d of target?.declarations ?? []) {
          const fn =
            ts.isVariableDeclaration(d) && d.initializer && ts.isFunctionLike(d.initializer)
              ? d.initializer
              : d;
          const set = taggedDecls.get(fn);
          if (set) record(sf, n, `${path.relative(root, d.getSourceFile().fileName)}:${fnName(fn)}()`, set);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { uses, tagged };
}
