#!/usr/bin/env python3
"""Lists, for each record and input model, the fields Zoho Books' OpenAPI documents give it
that the model does not name, with the type each would have.

Usage: tools/oas_missing_fields.py PATH/TO/books-oas
"""

import os
import re
import sys

import yaml

MODELS = os.path.join(os.path.dirname(__file__), "..", "crates", "zoho-invoice-models", "src")
# (document, schema, key of the record in it or None, model file, model)
SPECS = [
    ("invoices", "get-an-invoice-response", "invoice", "invoices.rs", "Invoice"),
    ("estimates", "get-an-estimate-response", "estimate", "estimates.rs", "Estimate"),
    ("contacts", "get-contact-response", "contact", "contacts.rs", "Contact"),
    ("items", "get-an-item-response", "item", "items.rs", "Item"),
    ("credit-notes", "get-a-credit-note-response", "creditnote", "credit_notes.rs", "CreditNote"),
    ("recurring-invoices", "get-a-recurring-invoice-response", "recurring_invoice",
     "recurring_invoices.rs", "RecurringInvoice"),
    ("retainer-invoices", "get-a-retainer-invoice-response", "retainerinvoice",
     "retainer_invoices.rs", "RetainerInvoice"),
    ("projects", "get-a-project-response", "project", "projects.rs", "Project"),
    ("time-entries", "get-a-time-entry-response", "time_entry", "time_entries.rs", "TimeEntry"),
    ("expenses", "get-an-expense-response", "expense", "expenses.rs", "Expense"),
    ("recurring-expenses", "get-a-recurring-expense-response", "recurring_expense",
     "recurring_expenses.rs", "RecurringExpense"),
    ("tasks", "get-a-task-response", "task", "tasks.rs", "Task"),
    ("contact-persons", "get-a-contact-person-response", "contact_person", "contact_persons.rs",
     "ContactPerson"),
    ("invoices", "create-an-invoice-request", None, "invoices.rs", "InvoiceInput"),
    ("estimates", "create-an-estimate-request", None, "estimates.rs", "EstimateInput"),
    ("contacts", "create-a-contact-request", None, "contacts.rs", "ContactInput"),
    ("items", "create-an-item-request", None, "items.rs", "ItemInput"),
    ("customer-payments", "create-a-payment-request", None, "customer_payments.rs", "PaymentInput"),
    ("credit-notes", "create-a-credit-note-request", None, "credit_notes.rs", "CreditNoteInput"),
    ("recurring-invoices", "create-a-recurring-invoice-request", None, "recurring_invoices.rs",
     "RecurringInvoiceInput"),
    ("retainer-invoices", "create-a-retainerinvoice-request", None, "retainer_invoices.rs",
     "RetainerInvoiceInput"),
    ("projects", "create-a-project-request", None, "projects.rs", "ProjectInput"),
    ("expenses", "create-an-expense-request", None, "expenses.rs", "ExpenseInput"),
    ("recurring-expenses", "create-a-recurring-expense-request", None, "recurring_expenses.rs",
     "RecurringExpenseInput"),
    ("contact-persons", "create-a-contact-person-request", None, "contact_persons.rs",
     "ContactPersonInput"),
]


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].split("/")[-1]]
    return node


def kind(doc, name, node):
    node = resolve(doc, node)
    t = node.get("type")
    if name.endswith("_id"):
        return "id"
    return {"string": "String", "number": "Decimal", "integer": "integer", "boolean": "bool",
            "array": "list", "object": "object"}.get(t, "any")


def named(model_file, model):
    text = open(os.path.join(MODELS, model_file)).read()
    start = text.index(f"pub struct {model} {{")
    end = text.index("\n    }\n", start)
    return set(re.findall(r"^\s*(?:@\w+ )?(?:r#)?(\w+)\s*:", text[start:end], re.M))


def main(oas_dir):
    for document, schema, key, model_file, model in SPECS:
        with open(os.path.join(oas_dir, document + ".yml")) as f:
            doc = yaml.safe_load(f)
        node = doc["components"]["schemas"][schema]
        if key:
            node = resolve(doc, node)["properties"][key]
        props = resolve(doc, node).get("properties", {})
        have = named(model_file, model)
        missing = [f"{k}: {kind(doc, k, v)}" for k, v in props.items()
                   if k not in have and k not in ("code", "message")]
        print(f"{model}: {len(missing)} of {len(props)} not named" + (": " if missing else "")
              + ", ".join(missing))


if __name__ == "__main__":
    main(sys.argv[1])
