/** Names the colours of a table's bars, inline in its introduction. */
export function Legend({ items }: { items: { label: string; swatch: string }[] }) {
  return (
    <>
      {items.map((item, i) => (
        <span key={item.label} className="whitespace-nowrap">
          {" "}
          <span aria-hidden="true" className={`mr-1 inline-block h-2.5 w-4 rounded align-middle ${item.swatch}`} />
          {item.label}
          {i === items.length - 1 ? "." : ","}
        </span>
      ))}
    </>
  );
}
