export default function Home() {
  return <main className="p-8">Cloud Backup Console</main>;
}
