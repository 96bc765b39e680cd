import type { Migration } from './types'

/**
 * 扶贫小额信贷: a household's credit grade (评级, by the village risk group) and 授信额度 with its date;
 * loans (bank, contract number, amount in 分, date, term, due date, purpose, 户贷户用 / 户贷企用 with the
 * enterprise), their repayments and extensions (展期 with the new due date) and 贴息 by period; and the
 * loan a monitoring measure (金融帮扶 / 小额信贷) refers to instead of retyping its figures.
 */
export const m021Credit: Migration = {
  version: 21,
  name: 'credit',
  up(db) {
    db.exec(`
      CREATE TABLE credit_ratings (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL UNIQUE REFERENCES households(id) ON DELETE CASCADE,
        grade TEXT NOT NULL,
        rated_by TEXT,
        rated_date TEXT,
        credit_limit_fen INTEGER,
        credit_date TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE credit_loans (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES households(id),
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        bank TEXT NOT NULL,
        contract_no TEXT,
        amount_fen INTEGER NOT NULL,
        loan_date TEXT NOT NULL,
        term_months INTEGER,
        due_date TEXT NOT NULL,
        purpose TEXT,
        use_mode TEXT NOT NULL,
        enterprise TEXT,
        note TEXT,
        import_batch_id INTEGER REFERENCES import_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX credit_loans_household ON credit_loans(household_id);
      CREATE INDEX credit_loans_contract ON credit_loans(contract_no);
      CREATE TABLE credit_repayments (
        id INTEGER PRIMARY KEY,
        loan_id INTEGER NOT NULL REFERENCES credit_loans(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        repay_date TEXT NOT NULL,
        amount_fen INTEGER,
        new_due_date TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX credit_repayments_loan ON credit_repayments(loan_id, repay_date);
      CREATE TABLE credit_subsidies (
        id INTEGER PRIMARY KEY,
        loan_id INTEGER NOT NULL REFERENCES credit_loans(id) ON DELETE CASCADE,
        period TEXT NOT NULL,
        paid_date TEXT,
        amount_fen INTEGER NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX credit_subsidies_loan ON credit_subsidies(loan_id);
      ALTER TABLE monitoring_measures ADD COLUMN credit_loan_id INTEGER REFERENCES credit_loans(id) ON DELETE SET NULL;
    `)
  },
}
