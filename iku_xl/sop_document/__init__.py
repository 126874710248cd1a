"""The SOP AP as a document: the signed format with its flowchart drawn, and BPMN 2.0."""
