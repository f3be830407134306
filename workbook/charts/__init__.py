"""Pure chart builders: data in, plotly `go.Figure` out. No widgets here."""
